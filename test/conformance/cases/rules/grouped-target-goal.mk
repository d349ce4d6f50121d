# case: asking for one grouped target makes them all
# run: b
# run: a
a b &:
	@echo 'making both for $@'
	@touch a b
