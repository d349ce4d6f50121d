# case: a backslash-escaped colon in a target name
all: a\:b
	@echo 'needs $^'
a\:b:
	@echo 'target $@'
