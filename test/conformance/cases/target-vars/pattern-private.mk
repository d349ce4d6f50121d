# case: a private pattern-specific value is not inherited
%.bin: private X = hidden
all: prog.bin
prog.bin: part
	@echo '$@ [$(X)]'
part:
	@echo '$@ [$(X)]'
