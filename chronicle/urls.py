app_name = "chronicle"

urlpatterns: list = []
