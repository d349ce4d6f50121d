# case: the first -I directory holding the file wins
# run: -I one -I two
include both.mk
all:
	@echo '$(WHERE)'
--- one/both.mk
WHERE = one
--- two/both.mk
WHERE = two
