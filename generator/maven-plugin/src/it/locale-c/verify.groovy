// Maven ran with LC_ALL=C: one line saying what is wrong and what to set, no InvalidPathException, no site.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains(': Arabic file names cannot be read or written: this JVM encodes file names in ANSI_X3.4-1968'
        + ' because the locale is LC_ALL=C; run `export LC_ALL=C.UTF-8` first') : log
assert log.contains('BUILD FAILURE') : log
assert !log.contains('InvalidPathException') : log
assert !log.contains('\tat ') : log
assert !new File(basedir, 'site').exists() : 'nothing was written'
return true
