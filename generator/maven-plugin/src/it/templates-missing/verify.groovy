// The parameter named at its line in the POM, with the fix; nothing built, no stack trace.
def log = new File(basedir, 'build.log').getText('UTF-8')
def theme = new File(basedir, 'theme').getAbsolutePath()
assert log =~ /pom\.xml:24:15: <templates>/ : log
assert log.contains("<templates>" + theme + "</templates>: no such folder; give the folder that holds your"
        + " templates, or leave <templates> out to use <source>/templates (the built-in theme where there is none)") : log
// every wrong folder in one run: a <cache> that is a file, at its line
def pom = new File(basedir, 'pom.xml').getAbsolutePath()
assert log.contains("pom.xml:25:15: <cache>" + pom + "</cache>: not a folder; give a folder for the build cache (it is"
        + " made when missing), or leave <cache> out to use target/arshif-cache") : log
assert log.contains('BUILD FAILURE') : log
assert !log.contains('\tat ') && !log.contains('Caused by') : 'a stack trace: ' + log
assert !new File(basedir, 'site').exists() : 'a site was built'
return true
