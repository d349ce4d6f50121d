# case: an out-of-date target found by VPATH is rebuilt locally
# sh: touch -d '2001-01-01 00:00' dir/out
# sh: touch -d '2002-01-01 00:00' in
VPATH = dir
out: in
	@echo 'rebuilding $@'
	@touch $@
--- dir/out
--- in
