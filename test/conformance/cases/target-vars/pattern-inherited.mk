# case: pattern-specific values are inherited by prerequisites too
%.bin: X = from-pattern
all: prog.bin
prog.bin: part
	@echo '$@ $(X)'
part:
	@echo '$@ $(X)'
