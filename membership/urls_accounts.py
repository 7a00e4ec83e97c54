"""/accounts/: sign in, sign out, password reset and the person's own account."""

from django.urls import path

from membership.views import accounts, sessions

urlpatterns = [
    path("sign-in/", accounts.SignInView.as_view(), name="login"),
    path("sign-out/", accounts.SignOutView.as_view(), name="logout"),
    path("password-reset/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/",
        accounts.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        accounts.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("account/", accounts.account, name="account"),
    path("account/password/", accounts.password_change, name="password_change"),
    path("account/two-factor/", accounts.two_factor_settings, name="two-factor"),
    path(
        "account/two-factor/backup-codes/",
        accounts.two_factor_backup_codes,
        name="two-factor-backup-codes",
    ),
    path(
        "account/sign-out-other-devices/", sessions.sign_out_other_devices, name="sign-out-others"
    ),
    path("stay-signed-in/", sessions.stay_signed_in, name="stay-signed-in"),
    path("sign-in/code/", accounts.two_factor_verify, name="two-factor-verify"),
]
