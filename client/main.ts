// Placeholder entry point: the Phaser client is not written yet.
const status = document.getElementById('status');
if (status) {
  status.textContent = 'The client is under construction.';
}
document.title = 'Cluster Towns';
