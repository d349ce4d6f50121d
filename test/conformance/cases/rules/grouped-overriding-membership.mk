# case: a target in two groups warns and belongs to the last one
all: a b c
a b &: ; @echo 'one for $@'
b c &:
	@echo 'two for $@'
