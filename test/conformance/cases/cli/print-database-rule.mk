# case: -p shows an explicit rule with its recipe
# sh: $MAKE -pq | sed -n '/^all: dep/,/^$/p' | grep -e '^all' -e 'recipe to' -e '^	'
all: dep
	@echo all
dep:
