# case: a circle found in a parallel walk is told where a serial walk tells it
# parallel: -j4
all: a b
a: b
	@echo a
b: a
	@echo b
