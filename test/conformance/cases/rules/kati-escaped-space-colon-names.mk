# case: backslash-escaped space and colon in target and prerequisite names (kati colon_ws_in_file.mk, colon_ws_in_target.mk)
all: a\ b a\:b
a%:
	@echo '[$@]'
