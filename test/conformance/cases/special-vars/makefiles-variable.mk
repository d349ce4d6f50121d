# case: makefiles named in MAKEFILES are read first and not goals
# env: MAKEFILES=extra.mk
all:
	@echo 'all [$(FROM_EXTRA)] [$(MAKEFILE_LIST)]'
--- extra.mk
FROM_EXTRA = yes
extra-target:
	@echo extra
