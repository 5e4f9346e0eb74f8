// "Publish the month's decisions": each language slot also takes a dropped file. Without this
// script the file inputs work as they are.
document.querySelectorAll("[data-drop-slot]").forEach((slot) => {
  const input = slot.querySelector("input[type=file]");
  const name = slot.querySelector("[data-file-name]");
  const show = () => {
    name.textContent = input.files.length ? input.files[0].name : "";
  };
  input.addEventListener("change", show);
  slot.addEventListener("dragover", (event) => {
    event.preventDefault();
    slot.classList.add("publish-month__slot--over");
  });
  slot.addEventListener("dragleave", () => slot.classList.remove("publish-month__slot--over"));
  slot.addEventListener("drop", (event) => {
    event.preventDefault();
    slot.classList.remove("publish-month__slot--over");
    if (event.dataTransfer.files.length) {
      const files = new DataTransfer();
      files.items.add(event.dataTransfer.files[0]);
      input.files = files.files;
      show();
    }
  });
});
