# case: recipes run in the directory make runs in
# run: -C sub
--- sub/Makefile
all:
	@pwd | sed 's|.*/||'
