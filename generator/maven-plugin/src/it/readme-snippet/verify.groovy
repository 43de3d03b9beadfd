// After `mvn arshif:check package` on a POM that is exactly the README's (ReadmeSnippetTest keeps them equal).
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Built 1 ar + 1 en dispatches, 1 tags; wrote ') : 'the site is built at package'
assert !log.contains('JAR will be empty') : 'a site has <packaging>pom</packaging>: no empty jar'
assert !log.contains('[WARNING]') : 'a clean archive builds without a warning'
def pages = []
new File(basedir, 'site').eachFileRecurse { if (it.name == 'index.html') pages << it }
assert pages.any { it.getText('UTF-8').contains('<h1>A plan to renew the water network</h1>') } : 'the article page'
assert new File(basedir, 'site/ar/tags/water/index.html').getText('UTF-8').contains('href="/archive/ar/') : 'links under baseUrl'
return true
