# case: an up-to-date target found by VPATH keeps its path
# sh: touch -d '2002-01-01 00:00' dir/out
# sh: touch -d '2001-01-01 00:00' in
VPATH = dir
all: out
	@echo 'all uses $^'
out: in
	@echo 'rebuilding $@'
--- dir/out
--- in
