// mvn arshif:help -Ddetail lists every goal with its parameters and their -D properties.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS')

def goals = ['build', 'check', 'help', 'new', 'serve']
goals.each { assert log.contains("arshif:${it}\n") || log.contains("arshif:${it}\r\n") : "arshif:${it} is listed" }

/** The text of one goal's entry: from its heading to the next goal's. */
def section = { String goal ->
    int start = log.indexOf("arshif:${goal}\n")
    def ends = goals.collect { log.indexOf("arshif:${it}\n", start + 1) }.findAll { it > start }
    log.substring(start, ends ? ends.min() : log.length())
}
def expected = [
    build: ['output', 'arshif.output', 'baseUrl', 'drafts', 'future', 'cache', 'incremental', 'skip', 'source',
            'templates'],
    check: ['baseUrl', 'arshif.baseUrl', 'drafts', 'future', 'skip', 'source'],
    serve: ['port', 'arshif.port', 'source', 'templates'],
    new  : ['title', 'arshif.title', 'lang', 'translate', 'source'],
]
expected.each { goal, words ->
    def text = section(goal)
    assert text.contains('Available parameters:') : "arshif:${goal} lists its parameters:\n${text}"
    words.each { assert text.contains(it) : "arshif:${goal} mentions ${it}:\n${text}" }
}
assert !(section('serve') =~ /(?m)^    output\s*$/) : 'serve has no output parameter'

// The shaded CLI jar next to the plugin jar says the same version (the IT's POM carries it, filtered).
def version = new XmlSlurper().parse(new File(basedir, 'pom.xml')).build.plugins.plugin.version.text()
def cliJar = new File(basedir, "../../arshif-maven-plugin-${version}-cli.jar")
assert cliJar.isFile() : "${cliJar} exists"
def java = new File(System.getProperty('java.home'), 'bin/java').path
def process = [java, '-jar', cliJar.path, '--version'].execute()
def out = new StringBuilder(), err = new StringBuilder()
process.waitForProcessOutput(out, err)
assert process.exitValue() == 0 : "--version exits with 0: ${err}"
assert out.toString().trim() == "arshif ${version}" : "--version prints 'arshif ${version}', not '${out}'"
return true
