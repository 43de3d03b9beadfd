// Two builds ran (invoker.properties): forked by default, then in Maven's JVM with -Darshif.fork=false. The invoker
// runs every IT with arshif.daemon=false, so the first is the one-shot fork; warm-rebuild covers the warm process.
def log = new File(basedir, 'build.log').getText('UTF-8')
def forkLines = log.readLines().findAll { it.contains('Building in a second JVM') }
assert forkLines.collect { it.substring(it.indexOf('[INFO]')) } == ['[INFO] Building in a second JVM (-XX:+UseParallelGC -Xmn128m -Xms320m -XX:MinHeapFreeRatio=10'
        + ' -XX:MaxHeapFreeRatio=20 -XX:TieredStopAtLevel=1);'
        + ' -Darshif.fork=false builds in Maven\'s'] : "one forked build, one in Maven's JVM:\n" + log
// The second JVM's summary line reaches Maven's log at its level, as the in-Maven build's does.
def summaries = log.readLines().findAll { it.contains('[INFO] Built 2 ar + 1 en dispatches, 1 tags; wrote ') }
assert summaries.size() == 2 : log
// A finding of the second JVM reaches Maven's log at its level, as the in-Maven build's does: the English
// dispatch has no recognised footer, which the build reports as check does (a warning, once per build).
def warnings = log.readLines().findAll { it.startsWith('[WARNING] content/en/2017-05-22-call.txt:3:1: warning: ') }
assert warnings.size() == 2 : log
assert !log.contains('[ERROR]') : log

def tree = { File root ->
    def files = [:]
    root.eachFileRecurse(groovy.io.FileType.FILES) { files[root.toPath().relativize(it.toPath()).toString()] = it.bytes }
    files
}
def forked = tree(new File(basedir, 'site'))
def inMaven = tree(new File(basedir, 'site-in-maven'))
assert forked.keySet() == inMaven.keySet()
assert !forked.isEmpty()
forked.each { path, bytes -> assert Arrays.equals(bytes, inMaven[path]) : "${path} differs" }
return true
