# case: every double-colon rule of a missing target runs, though the first creates it
.PHONY: all
all: result

result:: one
	@echo $^ >>$@
	@echo $^

result:: two
	@echo $^ >>$@
	@echo $^
--- one
--- two
