def plain = new File(basedir, 'site-plain')
def all = new File(basedir, 'site')

assert new File(plain, 'en/2017/05/published/index.html').isFile()
assert !new File(plain, 'ar/2017/05/draft').exists() : 'drafts stay out by default'
assert !new File(plain, 'en/2099').exists() : 'future dispatches stay out by default'

assert new File(all, 'en/2017/05/published/index.html').isFile()
assert new File(all, 'ar/2017/05/draft/index.html').isFile() : '-Darshif.drafts builds drafts'
assert new File(all, 'en/2099/01/future/index.html').isFile() : '-Darshif.future builds future dispatches'
def ugly = new File(basedir, 'site-ugly')
assert new File(ugly, 'en/2017/05/published.html').isFile() : '-Darshif.uglyUrls writes an article as slug.html'
assert !new File(ugly, 'en/2017/05/published').exists() : '-Darshif.uglyUrls: no folder per article'
assert new File(ugly, 'sitemap.xml').text.contains('/en/2017/05/published.html')
return true
