# case: define without endef
define X
value
