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

// The first process of its key had its class-data archive written after its first build (ClassDataArchive), by a
// JVM of its own in the background, into the folder the invoker's ARSHIF_CDS_DIR names: wait for that JVM (bounded;
// its class list and partial file go when it ends), then one archive at least as new as the first build's site (in a
// rerun without clean, the archive of the run before, which the first process then started from and touched).
def cds = new File(basedir, '../../it-cds')
def pending = { (cds.listFiles()?.toList() ?: []).findAll { it.name.contains('.tmp') || it.name.endsWith('.classlist') } }
def dumpDeadline = System.currentTimeMillis() + 120000
while (!pending().isEmpty() && System.currentTimeMillis() < dumpDeadline) {
    Thread.sleep(200)
}
def written = cds.listFiles()?.toList() ?: []
assert pending().isEmpty() : "the dump did not end, or failed (its .tmp.log says why): ${written}"
def firstSite = new File(basedir, 'site').lastModified()
assert written.any { it.name.endsWith('.jsa') && it.length() > 0 && it.lastModified() >= firstSite - 2000 } : written

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
