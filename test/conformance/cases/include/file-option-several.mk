# case: several -f options are read in order
# run: -f a.mk -f b.mk
--- a.mk
X = a
first:
	@echo 'first $(X) [$(MAKEFILE_LIST)]'
--- b.mk
X += b
