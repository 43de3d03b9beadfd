// Three runs (invoker.properties): a build that starts the warm process, a build in it, then clean.
def log = new File(basedir, 'build.log').getText('UTF-8')
def starting = log.readLines().findAll { it.contains('Starting a build process that stays for the next builds') }
assert starting.size() == 1 : log
def pid = (starting[0] =~ /\(pid (\d+), /)[0][1] as long
def warm = log.readLines().findAll { it.contains('Building in the warm build process') }
assert warm.collect { it.substring(it.indexOf('[INFO]')) } == ["[INFO] Building in the warm build process (pid ${pid},"
        + ' build 2; -Darshif.daemon=false builds in a new JVM)'] : log
assert !log.contains('Building in a second JVM') : "no one-shot fork:\n" + log
// The process's own figures reach the log, for tools that measure Maven's process only.
assert log.readLines().findAll { it.contains("[INFO] The build process (pid ${pid}, build ") }.size() == 2 : log
def summaries = log.readLines().findAll { it.contains('[INFO] Built 2 ar + 1 en dispatches, 1 tags; wrote ') }
assert summaries.size() == 2 : log
assert log.readLines().findAll { it.startsWith('[WARNING] content/en/2017-05-22-call.txt:3:1: warning: ') }.size() == 2
assert !log.contains('[ERROR]') : log

// clean deleted the registry under target/: the process ends within a few seconds.
def process = ProcessHandle.of(pid)
def deadline = System.currentTimeMillis() + 15000
while (process.map { it.isAlive() }.orElse(false) && System.currentTimeMillis() < deadline) {
    Thread.sleep(100)
}
if (process.map { it.isAlive() }.orElse(false)) {
    process.get().destroyForcibly()
    assert false : "the build process ${pid} outlived mvn clean"
}

// The first process of its key wrote its class-data archive after its first build (ClassDataArchive), in the
// folder the invoker's ARSHIF_CDS_DIR names, whole (no partial file left).
def archives = new File(basedir, '../../it-cds').listFiles()?.toList() ?: []
assert archives.size() == 1 && archives[0].name.endsWith('.jsa') && archives[0].length() > 0 : archives

def tree = { File root ->
    def files = [:]
    root.eachFileRecurse(groovy.io.FileType.FILES) { files[root.toPath().relativize(it.toPath()).toString()] = it.bytes }
    files
}
def cold = tree(new File(basedir, 'site'))
def inWarm = tree(new File(basedir, 'site-warm'))
assert cold.keySet() == inWarm.keySet()
assert !cold.isEmpty()
cold.each { path, bytes -> assert Arrays.equals(bytes, inWarm[path]) : "${path} differs" }
return true
