# case: lib(member) prerequisites use the archive built-in rule
lib.a: lib.a(a.o) lib.a(b.o)
	@echo 'archive $@ done'
--- a.o
aaa
--- b.o
bbb
