/** A user's modular application: it requires the SDK and the test kit, nothing else. */
module com.example.modular {
  requires ai.bctrl;
  requires ai.bctrl.testing;
}
