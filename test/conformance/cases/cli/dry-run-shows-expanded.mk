# case: -n shows commands after expansion
# run: -n
X = expanded
all:
	echo $(X) $@
