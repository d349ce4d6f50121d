# case: an unknown --debug level stops make before anything else
# run: --debug=b,xy,v
all: ; @echo all
