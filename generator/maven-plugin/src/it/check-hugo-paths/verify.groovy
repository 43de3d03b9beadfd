// arshif:check -Darshif.hugoPaths=true: the URLs a build with the same property makes, so the clash is found here.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('error: two dispatches have the same URL') : 'the clash hugoPaths makes is named by the check'
assert log.contains('with hugoPaths on') : 'the finding says why the two clash'
assert !log.contains('which Hugo writes in lower case') : 'no capitals warning: the property was read'
assert !new File(basedir, 'site').exists() : 'a check writes no site'
return true
