# case: backslash-newline inside define shown with $(value)
define V
a \
b
endef
all:
	@echo '$(V)'
