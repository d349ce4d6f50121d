# case: a target value can use another target value
all: A = a
all: B = $(A)-b
all:
	@echo '$(B)'
