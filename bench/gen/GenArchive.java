/*
 * Arshif benchmark: a deterministic generator of synthetic bilingual dispatch archives.
 *
 *   java bench/gen/GenArchive.java --count 10000 --seed 42 --out bench/work/archives/n10000-s42
 *
 * Needs only a JDK 17 (single-file source launch, no build, no dependencies).
 * Same options, same seed -> byte-identical files, whatever the number of threads.
 *
 * Vocabulary comes from real text kept in bench/data/ (see bench/NOTICE.md):
 * the SANA sample dispatch and the Universal Dependencies Arabic-PUD parallel
 * sentences (CC BY-SA 3.0). See bench/README.md for what the archive looks like.
 */

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

public class GenArchive {

    /** Bumped whenever the output for a given (count, seed, options) changes; part of the cache key. */
    static final String FORMAT_VERSION = "1";

    // ------------------------------------------------------------------ options

    static int count = 1000;
    static long seed = 42;
    static Path out;
    static Path dataDir;
    static double translatedShare = 0.60;   // Arabic dispatches that have an English translation
    static double txtShare = 0.40;          // dispatches in agency-form .txt (the rest are .md)
    static double bareTxtShare = 0.0;       // of the .txt ones: no front-matter at all (Hugo cannot title them)
    static boolean hugoAdapter = true;
    static boolean longText = false;        // the second shape: long bodies of real sentences only
    static LocalDate firstDay = LocalDate.of(2012, 1, 1);
    static LocalDate lastDay = LocalDate.of(2024, 12, 31);

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--count" -> count = Integer.parseInt(args[++i].replace("_", ""));
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Paths.get(args[++i]);
                case "--data" -> dataDir = Paths.get(args[++i]);
                case "--translated" -> translatedShare = Double.parseDouble(args[++i]);
                case "--txt-share" -> txtShare = Double.parseDouble(args[++i]);
                case "--bare-txt" -> bareTxtShare = Double.parseDouble(args[++i]);
                case "--no-hugo-adapter" -> hugoAdapter = false;
                case "--long" -> longText = true;
                case "--from" -> firstDay = LocalDate.parse(args[++i]);
                case "--to" -> lastDay = LocalDate.parse(args[++i]);
                case "--version" -> { System.out.println(FORMAT_VERSION); return; }
                case "-h", "--help" -> { usage(); return; }
                default -> { System.err.println("unknown option: " + a); usage(); System.exit(2); }
            }
        }
        if (out == null) { usage(); System.exit(2); }
        if (dataDir == null) {
            for (String c : new String[] {"bench/data", "data", "../data"}) {
                if (Files.isRegularFile(Paths.get(c, "ud-arabic-pud-parallel.tsv"))) { dataDir = Paths.get(c); break; }
            }
            if (dataDir == null) { System.err.println("cannot find bench/data; pass --data"); System.exit(2); }
        }
        if (Files.exists(out.resolve("content"))) {
            System.err.println("refusing to write into an existing archive: " + out.resolve("content"));
            System.exit(2);
        }
        long t0 = System.nanoTime();
        loadData();
        generate();
        System.err.printf(Locale.ROOT, "generated %s in %.1f s%n", out, (System.nanoTime() - t0) / 1e9);
    }

    static void usage() {
        System.err.println("""
            usage: java bench/gen/GenArchive.java --count N --seed S --out DIR [options]
              --count N          Arabic dispatches (default 1000); ~60% also get an English translation
              --seed S           seed (default 42); same seed and options -> byte-identical files
              --out DIR          archive root to create (DIR/content/..., DIR/arshif.yml, DIR/hugo-adapter/...)
              --data DIR         folder with ud-arabic-pud-parallel.tsv and sana-sample.txt (default bench/data)
              --translated F     share of Arabic dispatches translated into English (default 0.60)
              --txt-share F      share of dispatches written as agency-form .txt (default 0.40)
              --bare-txt F       share of those .txt with no front-matter, date-prefixed names (default 0)
              --from/--to DATE   date range of the archive (default 2012-01-01 .. 2024-12-31)
              --no-hugo-adapter  do not write DIR/hugo-adapter (month _index.md + .md links to the .txt files)
              --long             the second archive shape: bodies of 6 to ~130 paragraphs of 2-4 real PUD
                                 sentences each (about 3.7x the default's bytes), no template paragraphs
            """);
    }

    // ------------------------------------------------------------------ deterministic randomness

    /** SplitMix64: tiny, fast, fully specified here, so the output never depends on the JDK. */
    static final class Rng {
        long s;
        Rng(long... parts) {
            long x = 0x9E3779B97F4A7C15L;
            for (long p : parts) x = mix(x ^ p) + 0x632BE59BD9B4E019L;
            s = x;
        }
        static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }
        long nextLong() { s += 0x9E3779B97F4A7C15L; return mix(s); }
        double nextDouble() { return (nextLong() >>> 11) * 0x1.0p-53; }
        int nextInt(int bound) { return (int) ((nextLong() >>> 1) % bound); }
        boolean chance(double p) { return nextDouble() < p; }
        <T> T pick(List<T> l) { return l.get(nextInt(l.size())); }
        <T> T pick(T[] a) { return a[nextInt(a.length)]; }
    }

    /** Draws an index 0..n-1 with probability proportional to 1/(rank+offset)^s: Zipf-like. */
    static final class Zipf {
        final double[] cdf;
        Zipf(int n, double s, double offset) {
            cdf = new double[n];
            double sum = 0;
            for (int k = 0; k < n; k++) { sum += 1.0 / Math.pow(k + offset, s); cdf[k] = sum; }
            for (int k = 0; k < n; k++) cdf[k] /= sum;
        }
        int sample(Rng r) {
            int i = Arrays.binarySearch(cdf, r.nextDouble());
            i = i < 0 ? -i - 1 : i;
            return Math.min(i, cdf.length - 1);
        }
    }

    // ------------------------------------------------------------------ vocabulary

    /** A named thing with its Arabic and English forms and the tag it brings. */
    record Ent(String key, String ar, String en, String kind, boolean syrian, String nameAr, String nameEn, String[] extraMatch) {}

    static String cap(String s) { return Character.toUpperCase(s.charAt(0)) + s.substring(1); }

    static Ent e(String key, String ar, String en, String kind, String... match) {
        return new Ent(key, ar, en, kind, false, ar, cap(en.startsWith("the ") ? en.substring(4) : en), match);
    }

    /** A person: full form with office for running text, short name for the tag. */
    static Ent person(String key, String ar, String en, String nameAr, String nameEn, String... match) {
        return new Ent(key, ar, en, "person", false, nameAr, nameEn, match);
    }

    /** A topic whose tag name differs from its running-text form. */
    static Ent named(Ent x, String nameAr, String nameEn) {
        return new Ent(x.key(), x.ar(), x.en(), x.kind(), x.syrian(), nameAr, nameEn, x.extraMatch());
    }

    static Ent city(String key, String ar, String en, boolean syrian, String... match) {
        return new Ent(key, ar, en, "city", syrian, ar, en, match);
    }

    static final List<Ent> PEOPLE = List.of(
        person("assad", "الرئيس بشار الأسد", "President Bashar al-Assad", "بشار الأسد", "Bashar al-Assad", "الأسد"),
        person("putin", "الرئيس الروسي فلاديمير بوتين", "Russian President Vladimir Putin", "فلاديمير بوتين", "Vladimir Putin", "بوتين"),
        person("rouhani", "الرئيس الإيراني حسن روحاني", "Iranian President Hassan Rouhani", "حسن روحاني", "Hassan Rouhani", "روحاني"),
        person("lavrov", "وزير الخارجية الروسي سيرغي لافروف", "Russian Foreign Minister Sergei Lavrov", "سيرغي لافروف", "Sergei Lavrov", "لافروف"),
        person("moallem", "وزير الخارجية والمغتربين وليد المعلم", "Foreign and Expatriates Minister Walid al-Moallem", "وليد المعلم", "Walid al-Moallem", "المعلم"),
        person("mekdad", "فيصل المقداد", "Faisal Mekdad", "فيصل المقداد", "Faisal Mekdad", "المقداد"),
        person("jaafari", "مندوب سورية الدائم لدى الأمم المتحدة بشار الجعفري", "Syria's Permanent Representative to the UN Bashar al-Jaafari", "بشار الجعفري", "Bashar al-Jaafari", "الجعفري"),
        person("zarif", "وزير الخارجية الإيراني محمد جواد ظريف", "Iranian Foreign Minister Mohammad Javad Zarif", "محمد جواد ظريف", "Mohammad Javad Zarif", "ظريف"),
        person("de-mistura", "المبعوث الأممي ستافان دي ميستورا", "UN envoy Staffan de Mistura", "ستافان دي ميستورا", "Staffan de Mistura", "دي ميستورا"),
        person("guterres", "الأمين العام للأمم المتحدة أنطونيو غوتيريش", "UN Secretary-General Antonio Guterres", "أنطونيو غوتيريش", "Antonio Guterres", "غوتيريش", "غوتيريس"),
        person("shoigu", "وزير الدفاع الروسي سيرغي شويغو", "Russian Defense Minister Sergei Shoigu", "سيرغي شويغو", "Sergei Shoigu", "شويغو"),
        person("erdogan", "رئيس النظام التركي رجب طيب أردوغان", "Turkish regime head Recep Tayyip Erdogan", "رجب طيب أردوغان", "Recep Tayyip Erdogan", "أردوغان", "اردوغان"),
        person("khamenei", "قائد الثورة الإسلامية آية الله علي خامنئي", "Leader of the Islamic Revolution Ayatollah Ali Khamenei", "علي خامنئي", "Ali Khamenei", "خامنئي"),
        person("xi-jinping", "الرئيس الصيني شي جين بينغ", "Chinese President Xi Jinping", "شي جين بينغ", "Xi Jinping", "شي جين بينغ"),
        person("lukashenko", "الرئيس البيلاروسي ألكسندر لوكاشينكو", "Belarusian President Alexander Lukashenko", "ألكسندر لوكاشينكو", "Alexander Lukashenko", "لوكاشينكو"),
        person("maduro", "الرئيس الفنزويلي نيكولاس مادورو", "Venezuelan President Nicolas Maduro", "نيكولاس مادورو", "Nicolas Maduro", "مادورو"),
        person("pedersen", "المبعوث الأممي غير بيدرسون", "UN envoy Geir Pedersen", "غير بيدرسون", "Geir Pedersen", "بيدرسون"),
        person("khamis", "رئيس مجلس الوزراء عماد خميس", "Prime Minister Imad Khamis", "عماد خميس", "Imad Khamis", "خميس"),
        person("arnous", "رئيس مجلس الوزراء حسين عرنوس", "Prime Minister Hussein Arnous", "حسين عرنوس", "Hussein Arnous", "عرنوس"),
        person("sabbagh", "رئيس مجلس الشعب حمودة صباغ", "People's Assembly Speaker Hammouda Sabbagh", "حمودة صباغ", "Hammouda Sabbagh", "صباغ")
    );

    static final List<Ent> COUNTRIES = List.of(
        e("russia", "روسيا", "Russia", "country", "روسيا", "الروسي", "الروسية"),
        e("iran", "إيران", "Iran", "country", "ايران", "الإيراني", "الإيرانية"),
        e("china", "الصين", "China", "country", "الصيني", "الصينية"),
        e("iraq", "العراق", "Iraq", "country", "العراقي", "العراقية"),
        e("lebanon", "لبنان", "Lebanon", "country", "اللبناني", "اللبنانية"),
        e("turkey", "تركيا", "Turkey", "country", "التركي", "التركية"),
        e("usa", "الولايات المتحدة", "the United States", "country", "الأميركية", "الأمريكية", "الأميركي", "الأمريكي", "واشنطن"),
        e("egypt", "مصر", "Egypt", "country", "المصري", "المصرية"),
        e("jordan", "الأردن", "Jordan", "country", "الأردني", "الاردن"),
        e("algeria", "الجزائر", "Algeria", "country", "الجزائري", "الجزائرية"),
        e("belarus", "بيلاروس", "Belarus", "country", "البيلاروسي", "روسيا البيضاء"),
        e("venezuela", "فنزويلا", "Venezuela", "country", "الفنزويلي", "الفنزويلية"),
        e("cuba", "كوبا", "Cuba", "country", "الكوبي", "الكوبية"),
        e("india", "الهند", "India", "country", "الهندي", "الهندية"),
        e("armenia", "أرمينيا", "Armenia", "country", "ارمينيا", "الأرميني"),
        e("kazakhstan", "كازاخستان", "Kazakhstan", "country", "الكازاخي", "الكازاخية"),
        e("oman", "سلطنة عمان", "Oman", "country", "العماني"),
        e("uae", "الإمارات", "the UAE", "country", "الامارات", "الإماراتي"),
        e("yemen", "اليمن", "Yemen", "country", "اليمني", "اليمنية"),
        e("palestine", "فلسطين", "Palestine", "country", "الفلسطيني", "الفلسطينية"),
        e("tunisia", "تونس", "Tunisia", "country", "التونسي", "التونسية"),
        e("france", "فرنسا", "France", "country", "الفرنسي", "الفرنسية"),
        e("germany", "ألمانيا", "Germany", "country", "المانيا", "الألماني"),
        e("saudi-arabia", "السعودية", "Saudi Arabia", "country", "السعودي"),
        e("britain", "بريطانيا", "Britain", "country", "البريطاني", "البريطانية")
    );

    static final List<Ent> CITIES = List.of(
        city("damascus", "دمشق", "Damascus", true),
        city("aleppo", "حلب", "Aleppo", true),
        city("homs", "حمص", "Homs", true),
        city("hama", "حماة", "Hama", true),
        city("lattakia", "اللاذقية", "Lattakia", true),
        city("tartus", "طرطوس", "Tartus", true),
        city("deir-ezzor", "دير الزور", "Deir Ezzor", true),
        city("hasaka", "الحسكة", "Hasaka", true),
        city("daraa", "درعا", "Daraa", true),
        city("sweida", "السويداء", "Sweida", true),
        city("quneitra", "القنيطرة", "Quneitra", true),
        city("idleb", "إدلب", "Idleb", true, "ادلب"),
        city("raqqa", "الرقة", "Raqqa", true),
        city("palmyra", "تدمر", "Palmyra", true),
        city("moscow", "موسكو", "Moscow", false),
        city("tehran", "طهران", "Tehran", false),
        city("beirut", "بيروت", "Beirut", false),
        city("baghdad", "بغداد", "Baghdad", false),
        city("geneva", "جنيف", "Geneva", false),
        city("astana", "أستانا", "Astana", false, "استانا", "آستانا", "نور سلطان"),
        city("sochi", "سوتشي", "Sochi", false),
        city("new-york", "نيويورك", "New York", false),
        city("beijing", "بكين", "Beijing", false),
        city("cairo", "القاهرة", "Cairo", false),
        city("minsk", "مينسك", "Minsk", false),
        city("caracas", "كاراكاس", "Caracas", false),
        city("havana", "هافانا", "Havana", false),
        city("ankara", "أنقرة", "Ankara", false, "انقرة")
    );

    /** prod: "production of X" makes sense. */
    record Topic(Ent ent, boolean prod) {}

    static Topic t(String key, String ar, String en, boolean prod, String... match) {
        Ent x = e(key, ar, en, "topic", match);
        String[] n = TOPIC_NAMES.get(key);
        return new Topic(n == null ? x : named(x, n[0], n[1]), prod);
    }

    static final Map<String, String[]> TOPIC_NAMES = Map.of(
        "terrorism", new String[] {"الإرهاب", "Terrorism"},
        "refugees", new String[] {"المهجرون", "Displaced people"},
        "covid-19", new String[] {"كورونا", "COVID-19"},
        "earthquake", new String[] {"الزلزال", "Earthquake"},
        "wildfires", new String[] {"الحرائق", "Wildfires"},
        "telecom", new String[] {"الاتصالات", "Telecommunications"},
        "reconciliation", new String[] {"المصالحة الوطنية", "National reconciliation"});

    static final List<Topic> TOPICS = List.of(
        t("terrorism", "مكافحة الإرهاب", "counter-terrorism", false, "الإرهاب", "الارهاب", "الإرهابية"),
        t("economy", "الاقتصاد", "economy", false, "الاقتصادية", "الاقتصادي"),
        t("energy", "الطاقة", "energy", true),
        t("oil", "النفط", "oil", true, "النفطية"),
        t("electricity", "الكهرباء", "electricity", true, "الكهربائية"),
        t("agriculture", "الزراعة", "agriculture", false, "الزراعية", "الزراعي"),
        t("wheat", "القمح", "wheat", true, "الأقماح"),
        t("cotton", "القطن", "cotton", true),
        t("health", "الصحة", "health", false, "الصحية", "الصحي"),
        t("education", "التعليم", "education", false, "التربية", "التعليمية"),
        t("culture", "الثقافة", "culture", false, "الثقافية", "الثقافي"),
        t("sports", "الرياضة", "sports", false, "الرياضية", "الرياضي"),
        t("tourism", "السياحة", "tourism", false, "السياحية", "السياحي"),
        t("reconstruction", "إعادة الإعمار", "reconstruction", false, "اعادة الاعمار"),
        t("reconciliation", "المصالحة الوطنية", "national reconciliation", false, "المصالحات"),
        t("humanitarian-aid", "المساعدات الإنسانية", "humanitarian aid", false, "الإغاثة", "الانسانية"),
        t("refugees", "عودة المهجرين", "the return of displaced people", false, "المهجرين", "اللاجئين"),
        t("industry", "الصناعة", "industry", true, "الصناعية", "الصناعي"),
        t("trade", "التجارة", "trade", false, "التجارية", "التجاري"),
        t("investment", "الاستثمار", "investment", false, "الاستثمارية", "المستثمرين"),
        t("water", "المياه", "water", true, "مياه الشرب"),
        t("transport", "النقل", "transport", false, "السكك الحديدية"),
        t("telecom", "الاتصالات", "telecommunications", false, "الإنترنت"),
        t("antiquities", "الآثار", "antiquities", false, "الأثرية", "التراث"),
        t("elections", "الانتخابات", "elections", false, "الانتخابية", "الاقتراع"),
        t("de-escalation", "مناطق تخفيف التوتر", "de-escalation zones", false, "تخفيف التوتر"),
        t("covid-19", "مواجهة فيروس كورونا", "the fight against COVID-19", false, "كورونا", "كوفيد"),
        t("earthquake", "إغاثة متضرري الزلزال", "earthquake relief", false, "الزلزال"),
        t("wildfires", "إخماد الحرائق", "firefighting", false, "الحرائق", "الحريق"),
        t("housing", "السكن", "housing", false, "السكنية", "المساكن")
    );

    /** Organisations that appear as tags, with match terms. */
    static final List<Ent> ORGS = List.of(
        e("army", "الجيش العربي السوري", "Syrian Arab Army", "org", "الجيش", "وحدات من الجيش"),
        e("security-council", "مجلس الأمن", "Security Council", "org", "مجلس الامن"),
        e("united-nations", "الأمم المتحدة", "United Nations", "org", "الامم المتحدة", "الأممي"),
        e("peoples-assembly", "مجلس الشعب", "People's Assembly", "org", "البرلمان"),
        e("cabinet", "مجلس الوزراء", "Cabinet", "org", "الحكومة"),
        e("kremlin", "الكرملين", "Kremlin", "org"),
        e("brics", "بريكس", "BRICS", "org"),
        e("sco", "منظمة شنغهاي للتعاون", "Shanghai Cooperation Organisation", "org", "شنغهاي")
    );

    /** The tag that most dispatches carry. */
    static final Ent SYRIA = e("syria", "سورية", "Syria", "country", "سوريا", "السورية", "السوري");

    /** Tags that are not in tags.yml: "tags outside the vocabulary still work". */
    static final String[] LOOSE_TAGS = {"breaking", "photos", "video", "infographic", "interview", "analysis", "opinion"};

    /** A title/lead template, with {P} {P2} person, {C} {C2} country, {X} city, {S} Syrian city, {T} topic, {R} production topic. */
    record Tpl(String arTitle, String enTitle, String arLead, String enLead, String... tags) {}

    static final List<Tpl> TEMPLATES = List.of(
        new Tpl("{P} يبحث مع {P2} الوضع في سورية",
                "{P} discusses situation in Syria with {P2}",
                "بحث {P} مع {P2} خلال اتصال هاتفي اليوم الوضع في سورية وسبل تعزيز التعاون في مجال {T}.",
                "{P} discussed with {P2} in a phone call today the situation in Syria and ways to strengthen cooperation in {T}.", "syria"),
        new Tpl("{P}: {T} أولوية في المرحلة المقبلة",
                "{P}: {T} a priority in the next stage",
                "أكد {P} أن {T} يمثل أولوية في المرحلة المقبلة وأن العمل جار لتذليل الصعوبات كافة.",
                "{P} affirmed that {T} is a priority in the next stage and that work is under way to overcome all difficulties."),
        new Tpl("وحدات من الجيش تعيد الأمن والاستقرار إلى قرى في ريف {S}",
                "Army units restore security and stability to villages in {S} countryside",
                "أعادت وحدات من الجيش العربي السوري الأمن والاستقرار إلى عدد من القرى في ريف {S} بعد القضاء على آخر تجمعات الإرهابيين فيها.",
                "Units of the Syrian Arab Army restored security and stability to a number of villages in {S} countryside after eliminating the last gatherings of terrorists there.", "army", "terrorism"),
        new Tpl("افتتاح معرض {T} في {S} بمشاركة شركات من {C}",
                "{T} exhibition opens in {S} with companies from {C}",
                "افتتح في مدينة {S} اليوم معرض متخصص في {T} بمشاركة شركات من سورية و{C}.",
                "A specialized exhibition on {T} opened today in {S} with the participation of companies from Syria and {C}."),
        new Tpl("{C} تدين الاعتداء الإرهابي في {S}",
                "{C} condemns terrorist attack in {S}",
                "أدانت {C} الاعتداء الإرهابي الذي استهدف مدينة {S} وأكدت وقوفها إلى جانب سورية في مكافحة الإرهاب.",
                "{C} condemned the terrorist attack that targeted {S} and affirmed its support for Syria in combating terrorism.", "terrorism", "syria"),
        new Tpl("جولة جديدة من محادثات {X} بين الأطراف السورية",
                "New round of {X} talks between Syrian parties",
                "انطلقت في {X} اليوم جولة جديدة من المحادثات بين الأطراف السورية بمشاركة {P}.",
                "A new round of talks between the Syrian parties started today in {X} with the participation of {P}.", "syria"),
        new Tpl("{P} يستقبل وفدا برلمانيا من {C}",
                "{P} receives parliamentary delegation from {C}",
                "استقبل {P} اليوم وفدا برلمانيا من {C} وبحث معه العلاقات الثنائية وسبل تطويرها في مجال {T}.",
                "{P} received today a parliamentary delegation from {C} and discussed bilateral relations and ways to develop them in {T}.", "peoples-assembly"),
        new Tpl("ارتفاع إنتاج {R} في {S} خلال العام الجاري",
                "{R} output in {S} rises this year",
                "ارتفع إنتاج {R} في محافظة {S} خلال العام الجاري مقارنة بالعام الماضي وفق بيانات المديرية المعنية.",
                "{R} output in {S} governorate rose this year compared with last year, according to data of the concerned directorate.", "economy"),
        new Tpl("{C} و{C2} تبحثان تعزيز التعاون في مجال {T}",
                "{C} and {C2} discuss boosting cooperation in {T}",
                "بحثت {C} و{C2} خلال اجتماع في {X} اليوم سبل تعزيز التعاون الثنائي في مجال {T}.",
                "{C} and {C2} discussed during a meeting in {X} today ways to boost bilateral cooperation in {T}."),
        new Tpl("مجلس الوزراء يناقش خطة {T} للعام القادم",
                "Cabinet discusses {T} plan for next year",
                "ناقش مجلس الوزراء في جلسته الأسبوعية برئاسة {P} خطة {T} للعام القادم والاعتمادات المخصصة لها.",
                "The Cabinet discussed in its weekly session chaired by {P} the {T} plan for next year and the funds allocated to it.", "cabinet"),
        new Tpl("{P}: سياسات الإدارة الأميركية تعقد الأوضاع في المنطقة",
                "{P}: US administration policies complicate situation in region",
                "أكد {P} أن سياسات الإدارة الأميركية تعقد الأوضاع في المنطقة وتعرقل جهود {T}.",
                "{P} affirmed that US administration policies complicate the situation in the region and obstruct efforts in {T}.", "usa"),
        new Tpl("مؤتمر دولي في {X} حول {T}",
                "International conference in {X} on {T}",
                "انطلقت في {X} اليوم أعمال مؤتمر دولي حول {T} بمشاركة وفود من سورية و{C}.",
                "An international conference on {T} started today in {X} with delegations from Syria and {C}."),
        new Tpl("{P} يؤكد دعم {C} لسورية في مكافحة الإرهاب",
                "{P} affirms {C}'s support for Syria in fighting terrorism",
                "أكد {P} دعم {C} لسورية في مكافحة الإرهاب وحرصها على سيادة سورية ووحدة أراضيها.",
                "{P} affirmed {C}'s support for Syria in fighting terrorism and its commitment to Syria's sovereignty and territorial integrity.", "syria", "terrorism"),
        new Tpl("وصول قافلة مساعدات إنسانية إلى ريف {S}",
                "Humanitarian aid convoy arrives in {S} countryside",
                "وصلت اليوم قافلة مساعدات إنسانية إلى ريف {S} تضم مواد غذائية وطبية بالتعاون مع الهلال الأحمر العربي السوري.",
                "A humanitarian aid convoy carrying food and medical supplies arrived today in {S} countryside in cooperation with the Syrian Arab Red Crescent.", "humanitarian-aid"),
        new Tpl("مجلس الأمن يعقد جلسة حول الوضع في سورية",
                "Security Council holds session on situation in Syria",
                "عقد مجلس الأمن الدولي جلسة حول الوضع في سورية بحضور {P} الذي أكد أن {T} أولوية وطنية.",
                "The UN Security Council held a session on the situation in Syria attended by {P}, who affirmed that {T} is a national priority.", "security-council", "syria"),
        new Tpl("إعادة تأهيل محطة {R} في {S} بتكلفة مليار ليرة",
                "{R} station in {S} rehabilitated at cost of one billion pounds",
                "أنجزت الورشات الفنية إعادة تأهيل محطة {R} في محافظة {S} بتكلفة تقارب مليار ليرة سورية.",
                "Technical teams completed the rehabilitation of a {R} station in {S} governorate at a cost of about one billion Syrian pounds.", "reconstruction")
    );

    /** Body sentences that name the dispatch's own entities. */
    static final String[][] BODY_TEMPLATES = {
        {"وأكد {P} أن {C} ستواصل دعم الجهود المبذولة في مجال {T}.",
         "{P} affirmed that {C} will continue to support efforts in {T}."},
        {"وقال {P} في تصريح للصحفيين في {X}: إن “التعاون في مجال {T} يحظى بأهمية بالغة”.",
         "{P} told reporters in {X} that “cooperation in {T} is of great importance.”"},
        {"وأشار {P} إلى أن الجانبين بحثا العلاقات الثنائية بين سورية و{C} وسبل تطويرها.",
         "{P} noted that the two sides discussed bilateral relations between Syria and {C} and ways to develop them."},
        {"من جهته أعرب {P2} عن تقديره لموقف {C} الداعم لسورية.",
         "For his part, {P2} expressed appreciation for the supportive stance of {C} towards Syria."},
        {"ولفت {P} إلى أن الإدارة الأميركية تعرقل الجهود المبذولة في مجال {T}.",
         "{P} pointed out that the US administration obstructs efforts in {T}."},
        {"وكان {P} بحث في وقت سابق مع مسؤولين من {C} ملف {T}.",
         "{P} had earlier discussed the file of {T} with officials from {C}."},
        {"وفي سياق متصل أعلن مسؤول في محافظة {S} أن العمل جار لتنفيذ الخطة خلال العام الجاري.",
         "In a related context, an official in {S} governorate announced that work is under way to implement the plan this year."},
        {"وشهدت مدينة {S} خلال الأيام الماضية تحسنا ملحوظا في واقع {T}.",
         "{S} has seen a marked improvement in {T} over the past days."},
        {"وبين مدير {T} في {S} أن نسبة التنفيذ بلغت سبعين بالمئة حتى الآن.",
         "The director of {T} in {S} said that seventy percent of the work has been completed so far."},
        {"ودعا {P} المجتمع الدولي إلى الضغط على الدول الداعمة للإرهاب لوقف دعمها.",
         "{P} called on the international community to pressure states supporting terrorism to stop their support."}
    };

    /** My own English rendering of the twelve paragraphs of the SANA sample (for translated dispatches). */
    static final String[] SAMPLE_EN = {
        "Russian President Vladimir Putin and Iranian President Hassan Rouhani discussed in a phone call today the situation in Syria and stressed the importance of stepping up joint efforts to resolve the crisis there.",
        "The Kremlin press office said in a statement that “the two presidents, discussing the situation in Syria, stressed the importance of stepping up joint efforts to encourage a political and diplomatic settlement of the crisis, particularly within the Astana process and through implementing the memorandum on establishing de-escalation zones.”",
        "The Kremlin said the Russian president congratulated his Iranian counterpart Rouhani on his re-election and wished him success, saying the results of the vote show the broad and clear support Iranians have given to the economic, social, regional and international programs of Rouhani and his government.",
        "For his part, Rouhani said Iran welcomes developing cooperation with neighboring countries including Russia, calling the growing economic relations between the two countries in recent years evidence of a shared will to cooperate.",
        "Rouhani pointed to the cooperation between Tehran and Moscow to strengthen peace and stability and combat terrorism in the region, particularly in Syria, and said: “Strengthening this cooperation in Syria is of great importance, and we welcome continued trilateral cooperation between Iran, Russia and Syria and intend to continue it.”",
        "Rouhani stressed Tehran's support for trilateral cooperation between Iran, Russia and Turkey to preserve the cessation of hostilities agreement in Syria, noting that the activities of some countries, including the new US administration and the Saudi regime, further complicate the situation in the region.",
        "Rouhani affirmed Iran's commitment to its obligations under the Joint Comprehensive Plan of Action signed with the P5+1 group on the Iranian nuclear program as long as the other party abides by its obligations.",
        "In a related context, Putin agreed with Turkish regime head Recep Tayyip Erdogan in a phone call to increase coordination at various levels with the aim of reaching a political settlement of the crisis in Syria.",
        "The Kremlin said: “Putin and Erdogan stressed the importance of speeding up agreement on the practical aspects of implementing the memorandum on de-escalation zones in Syria, which will strengthen the cessation of hostilities and make the talks between the Syrian parties in Geneva and Astana more effective.”",
        "The guarantor states of the cessation of hostilities agreement in Syria had signed the Russian memorandum on de-escalation zones at the end of the Astana 4 meeting in the Kazakh capital on the fourth of May.",
        "Experts from the three guarantor states of the cessation of hostilities agreement, Russia, Iran and Turkey, are expected to meet soon to mark the de-escalation zones on maps to prevent terrorists from infiltrating them.",
        "The Kremlin said the two sides touched on economic relations between the two countries, progress in lifting mutual restrictions on trade, and major energy projects such as building the Akkuyu nuclear power plant and the TurkStream gas pipeline."
    };

    /** The English service's promo footer (the Arabic one is taken from the sample as it is). */
    static final List<String> FOOTER_EN = List.of(
        "Follow the latest news on Telegram via the link:", "",
        "https://telegram.me/SyrianArabNewsAgency", "",
        "Follow us on VK:", "",
        "http://vk.com/syrianarabnewsagency");

    static final String[] MONTHS_EN = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};
    static final String[] MONTHS_AR = {"كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
        "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"};

    // loaded from bench/data
    static String[][] pud;            // [i] = {arabic, english}
    static String[] sampleAr;         // the sample's paragraphs
    static List<String> footerLines;  // the sample's promo footer, line by line (blank lines included)
    static String seeAlsoAr;          // "انظر ايضاً" exactly as in the sample

    static List<Ent> allTagEnts;      // vocabulary in rank order (Zipf over this)
    static Zipf tagZipf, pudZipf, paraZipf, personZipf, countryZipf, cityZipf, syrianCityZipf, topicZipf, tplZipf;
    static List<Ent> syrianCities, prodTopics;

    static void loadData() throws IOException {
        List<String> lines = Files.readAllLines(dataDir.resolve("ud-arabic-pud-parallel.tsv"), StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split("\t", -1);
            if (f.length == 4 && !f[2].isBlank() && !f[3].isBlank()) rows.add(new String[] {f[2].strip(), f[3].strip()});
        }
        pud = rows.toArray(new String[0][]);

        String sample = Files.readString(dataDir.resolve("sana-sample.txt"), StandardCharsets.UTF_8);
        List<String> sl = sample.lines().toList();
        List<String> paras = new ArrayList<>();
        footerLines = new ArrayList<>();
        int i = 3; // 0 title, 1 blank, 2 dateline
        while (i < sl.size() && !sl.get(i).startsWith("تابعوا")) {
            if (!sl.get(i).isBlank()) paras.add(sl.get(i).strip());
            i++;
        }
        while (i < sl.size() && !sl.get(i).startsWith("انظر")) footerLines.add(sl.get(i++));
        while (!footerLines.isEmpty() && footerLines.get(footerLines.size() - 1).isBlank()) footerLines.remove(footerLines.size() - 1);
        seeAlsoAr = sl.get(i).strip();
        sampleAr = paras.toArray(new String[0]);
        if (sampleAr.length != SAMPLE_EN.length) throw new IllegalStateException("sample has " + sampleAr.length + " paragraphs");

        syrianCities = CITIES.stream().filter(Ent::syrian).toList();
        prodTopics = TOPICS.stream().filter(Topic::prod).map(Topic::ent).toList();

        // Tag vocabulary in rank order: the big ones first, then an interleaving of the rest.
        allTagEnts = new ArrayList<>();
        allTagEnts.add(SYRIA);
        allTagEnts.add(ORGS.get(0));
        allTagEnts.add(TOPICS.get(0).ent());
        int n = Math.max(Math.max(COUNTRIES.size(), CITIES.size()), Math.max(TOPICS.size(), PEOPLE.size()));
        for (int k = 0; k < n; k++) {
            if (k < COUNTRIES.size()) allTagEnts.add(COUNTRIES.get(k));
            if (k + 1 < TOPICS.size()) allTagEnts.add(TOPICS.get(k + 1).ent());
            if (k < CITIES.size()) allTagEnts.add(CITIES.get(k));
            if (k < PEOPLE.size()) allTagEnts.add(PEOPLE.get(k));
            if (k + 1 < ORGS.size()) allTagEnts.add(ORGS.get(k + 1));
        }
        tagZipf = new Zipf(allTagEnts.size(), 1.05, 1.0);
        pudZipf = new Zipf(pud.length, 0.5, 1.0);
        // popularity rank of a sentence: a fixed shuffle, so that news and Wikipedia sentences mix
        Rng shuffle = new Rng(0x5EED, 7);
        for (int k = pud.length - 1; k > 0; k--) {
            int j = shuffle.nextInt(k + 1);
            String[] tmp = pud[k]; pud[k] = pud[j]; pud[j] = tmp;
        }
        paraZipf = new Zipf(60, 1.8, 2.0);      // body paragraphs: mostly 3-8, a long tail to 60
        personZipf = new Zipf(PEOPLE.size(), 0.9, 1.0);
        countryZipf = new Zipf(COUNTRIES.size(), 0.9, 1.0);
        cityZipf = new Zipf(CITIES.size(), 0.8, 1.0);
        syrianCityZipf = new Zipf(syrianCities.size(), 0.8, 1.0);
        topicZipf = new Zipf(TOPICS.size(), 0.8, 1.0);
        tplZipf = new Zipf(TEMPLATES.size(), 0.6, 1.0);
    }

    // ------------------------------------------------------------------ one dispatch

    /** The entities a dispatch is about: they fill its title, lead and some body sentences, and bring its tags. */
    static final class Cast {
        Ent p, p2, c, c2, x, s, t, r;
        Ent dateline;            // place of filing
        Tpl tpl;
        final Set<String> tags = new LinkedHashSet<>();

        String fill(String text, boolean ar) {
            StringBuilder b = new StringBuilder(text.length() + 64);
            int i = 0;
            while (i < text.length()) {
                char ch = text.charAt(i);
                if (ch == '{') {
                    int j = text.indexOf('}', i);
                    String slot = text.substring(i + 1, j);
                    Ent en = switch (slot) {
                        case "P" -> p; case "P2" -> p2; case "C" -> c; case "C2" -> c2;
                        case "X" -> x; case "S" -> s; case "T" -> t; case "R" -> r;
                        default -> throw new IllegalArgumentException(slot);
                    };
                    String v = ar ? en.ar() : en.en();
                    // English: capitalise at the start of a sentence.
                    if (!ar && (b.length() == 0 || b.toString().endsWith(". "))) v = Character.toUpperCase(v.charAt(0)) + v.substring(1);
                    b.append(v);
                    i = j + 1;
                } else {
                    b.append(ch);
                    i++;
                }
            }
            return b.toString();
        }

        void use(String text) {
            for (String[] sl : new String[][] {{"{P}", "p"}, {"{P2}", "p2"}, {"{C}", "c"}, {"{C2}", "c2"},
                                                {"{X}", "x"}, {"{S}", "s"}, {"{T}", "t"}, {"{R}", "r"}}) {
                if (text.contains(sl[0])) {
                    Ent en = switch (sl[1]) {
                        case "p" -> p; case "p2" -> p2; case "c" -> c; case "c2" -> c2;
                        case "x" -> x; case "s" -> s; case "t" -> t; default -> r;
                    };
                    tags.add(en.key());
                }
            }
        }
    }

    static Cast cast(int i) {
        Rng r = new Rng(seed, i, 1);
        Cast c = new Cast();
        c.p = PEOPLE.get(personZipf.sample(r));
        do { c.p2 = PEOPLE.get(personZipf.sample(r)); } while (c.p2 == c.p);
        c.c = COUNTRIES.get(countryZipf.sample(r));
        do { c.c2 = COUNTRIES.get(countryZipf.sample(r)); } while (c.c2 == c.c);
        c.x = CITIES.get(cityZipf.sample(r));
        c.s = syrianCities.get(syrianCityZipf.sample(r));
        c.t = TOPICS.get(topicZipf.sample(r)).ent();
        c.r = prodTopics.get(r.nextInt(prodTopics.size()));
        c.tpl = TEMPLATES.get(tplZipf.sample(r));
        c.use(c.tpl.arTitle());
        String all = c.tpl.arTitle() + c.tpl.arLead();
        c.dateline = all.contains("{S}") ? c.s : all.contains("{X}") ? c.x : r.chance(0.6) ? CITIES.get(0) : c.x;
        for (String k : c.tpl.tags()) c.tags.add(k);
        // A few more, Zipf over the whole vocabulary: a long tail of rare tags.
        int extra = r.nextInt(2);
        for (int k = 0; k < extra; k++) c.tags.add(allTagEnts.get(tagZipf.sample(r)).key());
        if (r.chance(0.03)) c.tags.add(r.pick(LOOSE_TAGS));
        return c;
    }

    /** A dispatch's content before it is written in one form or the other. */
    static final class Dispatch {
        int index;
        String id;
        LocalDate day;
        int hour, minute;
        boolean translated, txt, bare, draft;
        Cast cast;
        String titleAr, titleEn, leadAr, leadEn;
        List<List<String[]>> paras = new ArrayList<>(); // paragraphs of {ar, en} sentences
        int subheadAt = -1, quoteAt = -1, listAt = -1;
        boolean linkOut;
        String slugAr, slugEn;
        String relDir, fileBase;
    }

    static Dispatch dispatch(int i) {
        Rng r = new Rng(seed, i, 2);
        Dispatch d = new Dispatch();
        d.index = i;
        d.id = "n" + (100001 + i);
        long span = lastDay.toEpochDay() - firstDay.toEpochDay() + 1;
        d.day = LocalDate.ofEpochDay(firstDay.toEpochDay() + (long) ((double) i * span / count));
        d.hour = 7 + r.nextInt(16);         // 07:00..22:59 Damascus: the same calendar day in UTC
        d.minute = r.nextInt(60);
        d.translated = r.chance(translatedShare);
        d.txt = r.chance(txtShare);
        d.bare = d.txt && r.chance(bareTxtShare);
        d.draft = !d.bare && r.chance(0.005);
        d.cast = cast(i);
        d.titleAr = d.cast.fill(d.cast.tpl.arTitle(), true);
        d.titleEn = d.cast.fill(d.cast.tpl.enTitle(), false);
        d.leadAr = d.cast.fill(d.cast.tpl.arLead(), true);
        d.leadEn = d.cast.fill(d.cast.tpl.enLead(), false);

        int nParas = longText ? 6 + 2 * paraZipf.sample(r) : 1 + paraZipf.sample(r);
        for (int k = 0; k < nParas; k++) {
            List<String[]> para = new ArrayList<>();
            if (longText) {
                // real text only: the default shape's draws are untouched, so its archives stay byte-identical
                for (int m = 2 + r.nextInt(3); m > 0; m--) para.add(pud[pudZipf.sample(r)]);
                d.paras.add(para);
                continue;
            }
            double u = r.nextDouble();
            if (u < 0.18) {
                int s = r.nextInt(sampleAr.length);
                para.add(new String[] {sampleAr[s], SAMPLE_EN[s]});
            } else if (u < 0.40) {
                String[] bt = BODY_TEMPLATES[r.nextInt(BODY_TEMPLATES.length)];
                para.add(new String[] {d.cast.fill(bt[0], true), d.cast.fill(bt[1], false)});
            } else {
                int n = 1 + (r.chance(0.35) ? 1 : 0) + (r.chance(0.15) ? 1 : 0);
                for (int m = 0; m < n; m++) para.add(pud[pudZipf.sample(r)]);
            }
            d.paras.add(para);
        }
        if (nParas >= 5 && r.chance(0.15)) d.subheadAt = 2 + r.nextInt(nParas - 3);
        if (r.chance(0.10)) d.quoteAt = r.nextInt(nParas);
        if (nParas >= 3 && r.chance(0.05)) d.listAt = 1 + r.nextInt(nParas - 1);
        d.linkOut = i > 0 && r.chance(0.05);

        d.slugAr = slugAr(d.titleAr) + "-" + d.id.substring(1);
        d.slugEn = slugEn(d.titleEn) + "-" + d.id.substring(1);
        d.relDir = String.format(Locale.ROOT, "%04d/%02d", d.day.getYear(), d.day.getMonthValue());
        d.fileBase = d.bare
            ? String.format(Locale.ROOT, "%s-%s", d.day, d.id)
            : String.format(Locale.ROOT, "%02d-%s", d.day.getDayOfMonth(), d.id);
        return d;
    }

    static String slugAr(String title) {
        String[] w = title.replaceAll("[^\\p{IsArabic}\\p{IsDigit} ]", " ").trim().split("\\s+");
        return String.join("-", Arrays.copyOf(w, Math.min(5, w.length)));
    }

    static String slugEn(String title) {
        String[] w = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 ]", " ").trim().split("\\s+");
        return String.join("-", Arrays.copyOf(w, Math.min(6, w.length)));
    }

    // ------------------------------------------------------------------ spelling variation

    /** How one writer spells: real copy mixes forms, even within one dispatch (see the sample). */
    static final class Speller {
        final Rng r;
        final boolean syriaWithAlif;   // سوريا rather than سورية
        final boolean amreeki;         // أمريكي rather than أميركي
        final double fee, alaa, hamza, tatweel, tashkeel, taMarbuta;
        final boolean indicDigits;

        Speller(Rng r) {
            this.r = r;
            syriaWithAlif = r.chance(0.25);
            amreeki = r.chance(0.3);
            fee = r.chance(0.3) ? 0.15 : 0.01;        // فى for في
            alaa = r.chance(0.2) ? 0.10 : 0.005;      // علي for على
            hamza = r.chance(0.35) ? 0.08 : 0.005;    // dropped hamza: إلى -> الى, أستانا -> استانا
            tatweel = r.chance(0.15) ? 0.01 : 0.0;
            tashkeel = r.chance(0.08) ? 0.12 : (r.chance(0.2) ? 0.005 : 0.0);
            taMarbuta = r.chance(0.1) ? 0.02 : 0.0;   // ة written ه
            indicDigits = r.chance(0.03);
        }

        static final java.util.regex.Pattern SYRIA_NOUN = java.util.regex.Pattern.compile("[وفبل]{0,2}سوري[ةا][.،:”]?");
        static final char[] HARAKAT = {'\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u064B', '\u064D'};

        String word(String w) {
            if (w.isEmpty() || !isArabicLetter(w.charAt(0)) && !(w.length() > 1 && isArabicLetter(w.charAt(1)))) return w;
            String x = w;
            // word-level substitutions that keep prefixes (و ب ل ف ك) and suffixes
            // the country only (سورية, وسورية, لسورية ...), never the adjective السورية
            if (SYRIA_NOUN.matcher(x).matches()) {
                if (x.contains("سورية") && syriaWithAlif ^ r.chance(0.1)) x = x.replace("سورية", "سوريا");
                else if (x.contains("سوريا") && !syriaWithAlif && r.chance(0.6)) x = x.replace("سوريا", "سورية");
            }
            if (x.contains("ميركي") && (amreeki ^ r.chance(0.1))) x = x.replace("ميركي", "مريكي");
            if (x.contains("مسؤول") && r.chance(0.2)) x = x.replace("مسؤول", "مسئول");
            if (x.equals("في") && r.chance(fee)) x = "فى";
            else if (x.equals("على") && r.chance(alaa)) x = "علي";
            else if (x.equals("إلى") && r.chance(hamza * 3)) x = "الى";
            if ((x.startsWith("أ") || x.startsWith("إ")) && x.length() > 2 && r.chance(hamza)) x = "ا" + x.substring(1);
            if (x.length() > 3 && x.endsWith("ة") && r.chance(taMarbuta)) x = x.substring(0, x.length() - 1) + "ه";
            if (x.length() > 5 && r.chance(tatweel)) {
                int at = x.length() - 2;
                if (joins(x.charAt(at - 1)) && isArabicLetter(x.charAt(at))) x = x.substring(0, at) + "ـ" + x.substring(at);
            }
            if (tashkeel > 0 && x.length() > 2 && r.chance(tashkeel)) {
                // as editors write it: a mark or two where a word is ambiguous, tanween on a final alif
                StringBuilder b = new StringBuilder(x);
                if (x.endsWith("ا") && x.length() > 3 && r.chance(0.5)) {
                    b.insert(b.length() - 1, '\u064B');
                } else {
                    int marks = 1 + (r.chance(0.3) ? 1 : 0);
                    for (int m = 0; m < marks; m++) {
                        int at = 1 + r.nextInt(b.length() - 1);
                        if (isArabicLetter(b.charAt(at - 1))) b.insert(at, HARAKAT[r.nextInt(HARAKAT.length)]);
                    }
                }
                x = b.toString();
            }
            return x;
        }

        String text(String s) {
            StringBuilder b = new StringBuilder(s.length() + 16);
            int i = 0, n = s.length();
            while (i < n) {
                int j = i;
                while (j < n && s.charAt(j) != ' ') j++;
                b.append(word(s.substring(i, j)));
                if (j < n) b.append(' ');
                i = j + 1;
            }
            String t = b.toString();
            if (indicDigits) {
                StringBuilder c = new StringBuilder(t.length());
                for (char ch : t.toCharArray()) c.append(ch >= '0' && ch <= '9' ? (char) ('\u0660' + ch - '0') : ch);
                t = c.toString();
            }
            return t;
        }

        static boolean isArabicLetter(char c) { return c >= '\u0621' && c <= '\u064A'; }

        static boolean joins(char c) { return isArabicLetter(c) && "اأإآدذرزوؤءة".indexOf(c) < 0; }
    }

    // ------------------------------------------------------------------ writing

    static final String NL = "\n";

    static String yq(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String isoDate(Dispatch d) {
        return String.format(Locale.ROOT, "%sT%02d:%02d:00+03:00", d.day, d.hour, d.minute);
    }

    static String frontMatter(Dispatch d, boolean ar, String title, Rng r) {
        StringBuilder b = new StringBuilder(400);
        b.append("---").append(NL);
        b.append("title: ").append(yq(title)).append(NL);
        if (r.chance(0.5)) b.append("date: ").append(isoDate(d)).append(NL);
        else b.append("date: ").append(yq(isoDate(d))).append(NL);
        if (r.chance(0.08)) b.append("lastmod: ").append(d.day.plusDays(1 + r.nextInt(30))).append(NL);
        b.append("slug: ").append(yq(ar ? d.slugAr : d.slugEn)).append(NL);
        List<String> tags = new ArrayList<>(d.cast.tags);
        if (r.chance(0.5)) {
            b.append("tags: [").append(String.join(", ", tags)).append("]").append(NL);
        } else {
            b.append("tags:").append(NL);
            for (String t : tags) b.append("  - ").append(t).append(NL);
        }
        if (d.translated) b.append("translationKey: ").append(d.id).append(NL);
        if (r.chance(0.05)) b.append("lang: ").append(ar ? "ar" : "en").append(NL);
        b.append("dateline: ").append(yq(ar ? d.cast.dateline.ar() : d.cast.dateline.en())).append(NL);
        b.append("source: ").append(ar ? "سانا" : "SANA").append(NL);
        if (r.chance(0.2)) b.append("summary: ").append(yq(ar ? d.leadAr : d.leadEn)).append(NL);
        if (r.chance(0.03)) b.append("aliases: [").append(yq("/" + (ar ? "ar" : "en") + "/archives/" + d.id.substring(1) + "/")).append("]").append(NL);
        if (d.draft) b.append("draft: true").append(NL);
        b.append("---").append(NL);
        return b.toString();
    }

    static String markdown(Dispatch d, boolean ar, Speller sp, Rng r) {
        StringBuilder b = new StringBuilder(4096);
        b.append(frontMatter(d, ar, ar ? sp.text(d.titleAr) : d.titleEn, r));
        b.append(NL);
        b.append(ar ? sp.text(d.leadAr) : d.leadEn).append(NL);
        for (int k = 0; k < d.paras.size(); k++) {
            b.append(NL);
            if (k == d.subheadAt) b.append("## ").append(ar ? sp.text(d.cast.fill("{T} في {S}", true)) : d.cast.fill("{T} in {S}", false)).append(NL).append(NL);
            if (k == d.listAt) {
                for (String[] s : d.paras.get(k)) b.append("- ").append(ar ? sp.text(s[0]) : s[1]).append(NL);
                continue;
            }
            String p = paragraph(d.paras.get(k), ar, sp);
            if (k == d.quoteAt) b.append("> ");
            Dispatch o = k == 0 && d.linkOut ? dispatch(d.index - 1) : null;
            // Only to a page that exists: an English link to an untranslated dispatch fails the build.
            if (o != null && (ar || o.translated)) {
                String href = "/" + (ar ? "ar/" : "en/") + o.relDir + "/" + (ar ? o.slugAr : o.slugEn) + "/";
                p = p + " [" + (ar ? "اقرأ أيضا" : "Read also") + "](" + href + ")";
            }
            b.append(p).append(NL);
        }
        return b.toString();
    }

    static String paragraph(List<String[]> sents, boolean ar, Speller sp) {
        StringBuilder b = new StringBuilder();
        for (String[] s : sents) {
            if (b.length() > 0) b.append(' ');
            b.append(ar ? sp.text(s[0]) : s[1]);
        }
        return b.toString();
    }

    static String agencyText(Dispatch d, boolean ar, Speller sp, Rng r) {
        StringBuilder b = new StringBuilder(4096);
        String title = ar ? sp.text(d.titleAr) : d.titleEn;
        if (!d.bare) b.append(frontMatter(d, ar, title, r));
        b.append(title).append(NL).append(NL);
        String lead = ar ? sp.text(d.leadAr) : d.leadEn;
        if (ar) {
            b.append(d.cast.dateline.ar()).append("-سانا").append(NL).append(NL);
            b.append(lead).append(NL);
        } else if (r.chance(0.5)) {
            b.append(d.cast.dateline.en()).append("-SANA").append(NL).append(NL);
            b.append(lead).append(NL);
        } else {
            b.append(d.cast.dateline.en()).append(", SANA – ").append(lead).append(NL);
        }
        for (List<String[]> p : d.paras) b.append(NL).append(paragraph(p, ar, sp)).append(NL);
        // Agency footer: the sample's promo lines, as they come; then the "see also" teaser of an older story.
        if (r.chance(0.85)) {
            b.append(NL);
            for (String l : ar ? footerLines : FOOTER_EN) b.append(l).append(NL);
        }
        if (d.index > 0 && r.chance(0.9)) {
            int j = Math.max(0, d.index - 1 - r.nextInt(Math.min(d.index, 50)));
            Cast o = cast(j);
            String tt = ar ? o.fill(o.tpl.arTitle(), true) : o.fill(o.tpl.enTitle(), false);
            String tl = ar ? o.fill(o.tpl.arLead(), true) : o.fill(o.tpl.enLead(), false);
            String[] w = tl.split(" ");
            String cut = String.join(" ", Arrays.copyOf(w, Math.min(w.length, 14)));
            b.append(NL).append(ar ? seeAlsoAr : "See also").append(NL).append(NL);
            b.append(tt).append(NL).append(NL);
            b.append(ar ? o.dateline.ar() + "-سانا " : o.dateline.en() + ", SANA – ").append(cut).append(" …");
            // the sample ends without a newline; so do some files
            if (r.chance(0.5)) b.append(NL);
        }
        return b.toString();
    }

    /** Byte-level quirks of real files: BOM, CRLF, decomposed hamza forms (NFD). */
    static byte[] encode(String text, Rng r) {
        if (r.chance(0.01)) text = Normalizer.normalize(text, Normalizer.Form.NFD);
        if (r.chance(0.02)) text = text.replace("\n", "\r\n");
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        if (r.chance(0.005)) {
            byte[] withBom = new byte[body.length + 3];
            withBom[0] = (byte) 0xEF; withBom[1] = (byte) 0xBB; withBom[2] = (byte) 0xBF;
            System.arraycopy(body, 0, withBom, 3, body.length);
            return withBom;
        }
        return body;
    }

    static final AtomicLong bytes = new AtomicLong(), files = new AtomicLong(), enFiles = new AtomicLong(),
        txtFiles = new AtomicLong(), drafts = new AtomicLong(), tagUses = new AtomicLong(), paragraphs = new AtomicLong();
    static final Set<String> monthsAr = new ConcurrentSkipListSet<>(), monthsEn = new ConcurrentSkipListSet<>();
    static final Set<String> tagsUsed = new ConcurrentSkipListSet<>();

    static void write(Path p, byte[] data) {
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes.addAndGet(data.length);
        files.incrementAndGet();
    }

    static void writeDispatch(int i) {
        Dispatch d = dispatch(i);
        String ext = d.txt ? ".txt" : ".md";
        String rel = d.relDir + "/" + d.fileBase + ext;
        Rng rAr = new Rng(seed, i, 3), rEn = new Rng(seed, i, 4);
        Speller sp = new Speller(new Rng(seed, i, 5));
        String ar = d.txt ? agencyText(d, true, sp, rAr) : markdown(d, true, sp, rAr);
        write(out.resolve("content/ar/" + rel), encode(ar, rAr));
        if (d.draft) drafts.incrementAndGet();
        tagUses.addAndGet(d.cast.tags.size());
        tagsUsed.addAll(d.cast.tags);
        paragraphs.addAndGet(d.paras.size() + 1);
        if (d.txt) txtFiles.incrementAndGet();
        if (!d.draft) monthsAr.add(d.relDir);
        if (d.translated) {
            String en = d.txt ? agencyText(d, false, sp, rEn) : markdown(d, false, sp, rEn);
            write(out.resolve("content/en/" + rel), encode(en, rEn));
            enFiles.incrementAndGet();
            if (d.txt) txtFiles.incrementAndGet();
            if (!d.draft) monthsEn.add(d.relDir);
        }
        if (hugoAdapter && d.txt && !d.bare) {
            link(out.resolve("hugo-adapter/ar/" + d.relDir + "/" + d.fileBase + ".md"), out.resolve("content/ar/" + rel));
            if (d.translated) link(out.resolve("hugo-adapter/en/" + d.relDir + "/" + d.fileBase + ".md"), out.resolve("content/en/" + rel));
        }
    }

    /** Hugo 0.111 only reads a fixed list of extensions: it sees each .txt through a hard link named .md. */
    static void link(Path link, Path target) {
        try {
            Files.createDirectories(link.getParent());
            try {
                Files.createLink(link, target);
            } catch (UnsupportedOperationException | IOException e) {
                if (e instanceof FileAlreadyExistsException) throw e;
                Files.copy(target, link);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void generate() throws IOException {
        Files.createDirectories(out.resolve("content/ar"));
        Files.createDirectories(out.resolve("content/en"));
        IntStream.range(0, count).parallel().forEach(GenArchive::writeDispatch);
        writeTags();
        Files.writeString(out.resolve("arshif.yml"), """
            # Synthetic benchmark archive written by bench/gen/GenArchive.java
            # (the same page size and related count as bench/hugo uses)
            pageSize: 10
            relatedCount: 5
            """, StandardCharsets.UTF_8);
        if (hugoAdapter) writeHugoSections();
        writeManifest();
    }

    static void writeTags() throws IOException {
        Map<String, Ent> vocab = new TreeMap<>();
        for (Ent en : allTagEnts) vocab.put(en.key(), en);
        StringBuilder b = new StringBuilder();
        b.append("# Tag vocabulary: key -> name per language, and match terms for untagged plain-text dispatches.").append(NL);
        for (Ent en : vocab.values()) {
            Set<String> match = new LinkedHashSet<>();
            match.add(en.nameAr());
            match.addAll(Arrays.asList(en.extraMatch()));
            match.add(en.nameEn());
            b.append(en.key()).append(": {ar: ").append(yq(en.nameAr())).append(", en: ").append(yq(en.nameEn()))
                .append(", match: [");
            int k = 0;
            for (String m : match) b.append(k++ > 0 ? ", " : "").append(yq(m));
            b.append("]}").append(NL);
        }
        Files.writeString(out.resolve("content/tags.yml"), b.toString(), StandardCharsets.UTF_8);
    }

    /** Hugo makes a section of a folder only if it has an _index.md: one per month, so that month archives exist. */
    static void writeHugoSections() throws IOException {
        for (String[] l : new String[][] {{"ar"}, {"en"}}) {
            Set<String> months = l[0].equals("ar") ? monthsAr : monthsEn;
            for (String m : months) {
                int mo = Integer.parseInt(m.substring(5));
                String title = l[0].equals("ar") ? MONTHS_AR[mo - 1] + " " + m.substring(0, 4) : MONTHS_EN[mo - 1] + " " + m.substring(0, 4);
                Path p = out.resolve("hugo-adapter/" + l[0] + "/" + m + "/_index.md");
                Files.createDirectories(p.getParent());
                Files.writeString(p, "---\ntitle: " + yq(title) + "\n---\n", StandardCharsets.UTF_8);
            }
        }
    }

    static void writeManifest() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generator", "bench/gen/GenArchive.java");
        m.put("format", FORMAT_VERSION);
        m.put("seed", seed);
        m.put("dispatches_ar", count);
        m.put("dispatches_en", enFiles.get());
        m.put("content_files", files.get());
        m.put("txt_files", txtFiles.get());
        m.put("md_files", files.get() - txtFiles.get());
        m.put("drafts_ar", drafts.get());
        m.put("content_bytes", bytes.get());
        m.put("paragraphs_ar", paragraphs.get());
        m.put("tag_uses_ar", tagUses.get());
        m.put("tags_distinct", tagsUsed.size());
        m.put("months_ar", monthsAr.size());
        m.put("months_en", monthsEn.size());
        if (longText) m.put("shape", "long");
        m.put("translated_share", translatedShare);
        m.put("txt_share", txtShare);
        m.put("bare_txt_share", bareTxtShare);
        m.put("from", firstDay.toString());
        m.put("to", lastDay.toString());
        StringBuilder b = new StringBuilder("# written by bench/gen/GenArchive.java; not read by Arshif or Hugo\n");
        for (Map.Entry<String, Object> en : m.entrySet()) b.append(en.getKey()).append('=').append(en.getValue()).append('\n');
        Files.writeString(out.resolve("archive.properties"), b.toString(), StandardCharsets.UTF_8);
        System.out.print(b);
    }
}
