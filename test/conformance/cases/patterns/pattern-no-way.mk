# case: no pattern applies and there is no file
all: a.o
%.o: %.c
	@echo 'from c: $<'
