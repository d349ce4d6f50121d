# case: text after endef is warned about
define A
body
endef junk
all:
	@echo '$(A)'
