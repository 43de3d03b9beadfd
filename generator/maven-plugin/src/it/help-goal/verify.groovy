// mvn arshif:help -Ddetail lists every goal with its parameters and their -D properties.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS')

def goals = ['build', 'check', 'help', 'new', 'serve']
/** Where a goal's entry starts: its name alone on a line (descriptions mention goals too, as mvn arshif:new). */
def heading = { String goal ->
    def m = log =~ /(?m)^arshif:${goal}\r?$/
    m.find() ? m.start() : -1
}
goals.each { assert heading(it) >= 0 : "arshif:${it} is listed" }

/** The text of one goal's entry: from its heading to the next goal's. */
def section = { String goal ->
    int start = heading(goal)
    def ends = goals.collect { heading(it) }.findAll { it > start }
    log.substring(start, ends ? ends.min() : log.length())
}
def expected = [
    build: ['output', 'arshif.output', 'baseUrl', 'drafts', 'future', 'cache', 'incremental', 'fork', 'arshif.fork',
            'skip', 'source', 'templates'],
    check: ['baseUrl', 'arshif.baseUrl', 'drafts', 'future', 'skip', 'source'],
    serve: ['port', 'arshif.port', 'source', 'templates', 'static', 'arshif.static', 'output'],
    new  : ['User property: title', 'User property: lang', 'User property: translate', 'arshif.source'],
]
expected.each { goal, words ->
    def text = section(goal)
    assert text.contains('Available parameters:') : "arshif:${goal} lists its parameters:\n${text}"
    words.each { assert text.contains(it) : "arshif:${goal} mentions ${it}:\n${text}" }
}
assert !(section('check') =~ /(?m)^    output\b/) : 'check has no output parameter'

// The help names the plugin and its version (the CLI's own jar and --version: generator/cli's ShadedJarIT).
assert (log =~ /Arshif Maven plugin (\S+)/).find() : 'the help names the plugin and its version'
return true
