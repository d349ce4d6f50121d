# case: the error line number after a define block
define X
one
two
endef
bad line
