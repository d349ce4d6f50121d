# case: -n prints commands without running them, @ lines included
# run: -n
all: dep
	@echo all > all.txt
	echo visible
dep:
	@touch dep
