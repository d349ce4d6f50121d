# case: a define inside a define is part of the body
define OUTER
define INNER
inner body
endef
endef
$(eval $(OUTER))
all:
	@echo '$(INNER)'
