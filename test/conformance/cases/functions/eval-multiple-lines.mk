# case: eval of a multi-line variable; references expand before eval
define block
A = 1
B = 2
ifeq ($(A),1)
C = 3
endif
endef
$(eval $(block))
all:
	@echo '$(A) $(B) $(C)'
