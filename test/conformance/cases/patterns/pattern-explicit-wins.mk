# case: an explicit recipe wins over a pattern rule
all: a.out
%.out:
	@echo 'pattern $@'
a.out:
	@echo 'explicit $@'
