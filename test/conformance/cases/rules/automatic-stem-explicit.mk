# case: $* in an explicit rule drops a known suffix
all: foo.o bar.txt
foo.o bar.txt:
	@echo '$@ -> [$*]'
