# case: shell variables are written with $$
HOME_MSG = make sees $$HOME as text
all:
	@X=shell; echo "$$X"; echo '$(HOME_MSG)'
