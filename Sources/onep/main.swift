print("onep")
