// Runs after `mvn package` on this project (maven-invoker-plugin post-build hook).
def site = new File(basedir, 'site')
def read = { String path ->
    def f = new File(site, path)
    assert f.isFile() : "missing page ${path}"
    f.getText('UTF-8')
}

assert read('index.html').contains('<html lang="ar" dir="rtl">') : '/ serves the default language, Arabic'
assert read('ar/index.html').contains('<html lang="ar" dir="rtl">')
assert read('en/index.html').contains('<html lang="en" dir="ltr">')

def ar = read('ar/2017/05/call/index.html')
assert ar.contains('<html lang="ar" dir="rtl">')
assert ar.contains('<bdi>موسكو</bdi>') : 'the dateline is recognised'
assert !ar.contains('تيلغرام') : 'the agency footer is cut'
assert ar.contains('href="/news/en/2017/05/call/"') : 'the article links its translation'

def en = read('en/2017/05/call/index.html')
assert en.contains('<html lang="en" dir="ltr">')
assert en.contains('<bdi>Moscow</bdi>')

// An Arabic slug: UTF-8 on disk, and in links (IRIs, which browsers percent-encode when they follow them).
assert read('ar/2017/04/معرض-دمشق/index.html').contains('<h1>افتتاح معرض دمشق الدولي</h1>')
assert read('old/fair.html').contains('url=/news/ar/2017/04/معرض-دمشق/')
assert read('ar/tags/syria/index.html').contains('<html lang="ar" dir="rtl">')
assert read('en/tags/syria/index.html').contains('<html lang="en" dir="ltr">')
assert read('404.html').contains('lang="en" dir="ltr"')
assert read('sitemap.xml').contains('<loc>https://it.example/news/en/2017/05/call/</loc>')

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Built 2 ar + 1 en dispatches, 1 tags; wrote ') : 'the summary line is printed'
return true
