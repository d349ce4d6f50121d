# case: $@ and $% for an archive member target
lib.a(m.o): m.o
	@echo '[$@] [$%] [$<]'
--- m.o
