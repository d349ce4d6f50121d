# case: --debug=b says when a target vpath found is remade under its own name
# sh: touch -d '2001-01-01 00:00' dir/out
# sh: touch -d '2002-01-01 00:00' in
# sh: $MAKE --debug=b | sed -n '/^Updating goal/,$p'
VPATH = dir
all: out
	@echo 'all uses $^'
out: in
	@echo 'rebuilding $@'
--- dir/out
--- in
