# case: wildcard does not see files that recipes created after make read the directory (kati wildcard_cache.mk)
all: new.x
	@echo 'all: [$(wildcard *.x)] [$(wildcard new.*)]'
new.x:
	@touch $@
	@echo 'made $@'
