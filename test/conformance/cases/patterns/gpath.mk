# case: GPATH makes an out-of-date target be rebuilt in place
# sh: touch -d '2001-01-01 00:00' dir/out
# sh: touch -d '2002-01-01 00:00' dir/in
VPATH = dir
GPATH = dir
out: in
	@echo 'rebuilding $@ from $<'
	@touch $@
--- dir/out
--- dir/in
