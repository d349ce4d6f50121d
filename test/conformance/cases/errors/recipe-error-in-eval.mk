# case: a failing recipe defined through eval
$(eval all: ; @false)
