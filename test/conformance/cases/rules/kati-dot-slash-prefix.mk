# case: a leading ./ is dropped from file names in explicit and pattern rules (kati curdir.mk, curdir_implicit_rule.mk, static_pattern.mk)
# run: -r
all: foo.o b.o
foo.o: ./foo.c
	@echo '$@ from $<'
./foo.c:
	@echo 'source $@'
%.o: ./%.c
	@echo '$@ from $< by pattern'
b.c:
	@echo 'source $@'
